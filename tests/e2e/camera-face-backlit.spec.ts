// The face in shadow against a bright window: a warning with the lighting fix, in Portuguese.
import { faceSceneTest } from './camera-face';

faceSceneTest('backlit', {
  status: 'warn',
  text: /iluminado por trás/,
  fix: /janela ou luz forte atrás de você/,
  lang: 'pt',
  start: 'Iniciar o teste da câmera',
});
