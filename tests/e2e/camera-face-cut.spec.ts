// Issue 26: Grace Hopper's face cut by the frame's right edge was "no face"; the second look (the edge
// beside its mirror image) finds it, and the fix says to move to the middle, in Portuguese.
import { faceSceneTest } from './camera-face';

faceSceneTest('cut-right', {
  status: 'warn',
  text: /cortado pela borda da imagem/,
  fix: /Vá para o centro para que todo o seu rosto apareça/,
  lang: 'pt',
  start: 'Iniciar o teste da câmera',
});
