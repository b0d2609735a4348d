// Issue 26: a washed-out face (the astronaut lifted by a gamma curve to a skin mean near 228 of 255)
// passed as "well lit"; now a warning about too much light, in Spanish.
import { faceSceneTest } from './camera-face';

faceSceneTest('overexposed', {
  status: 'warn',
  text: /le llega demasiada luz/,
  fix: /Te llega demasiada luz a la cara: si tienes una ventana delante/,
  lang: 'es',
  start: 'Empezar la prueba de cámara',
});
