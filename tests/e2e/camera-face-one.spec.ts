// One face, centred and evenly lit (the NASA astronaut portrait): the face check passes.
import { faceSceneTest } from './camera-face';

faceSceneTest('one-face', { status: 'pass', text: /one face, well placed and well lit/, fix: null });
