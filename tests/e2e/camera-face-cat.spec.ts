// A cat is not a learner: still no human face, in Spanish this time.
import { faceSceneTest } from './camera-face';

faceSceneTest('cat', { status: 'fail', text: /ninguna cara a la vista/, fix: /Siéntate frente a la cámara/, lang: 'es', start: 'Empezar la prueba de cámara' });
