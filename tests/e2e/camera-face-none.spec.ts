// No human face (a coffee cup): the face check fails and says to sit in front of the camera.
import { faceSceneTest } from './camera-face';

faceSceneTest('no-face', { status: 'fail', text: /no face in view/, fix: /Sit in front of the camera/ });
