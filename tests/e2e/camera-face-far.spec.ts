// Issue 26: a learner sitting far back (the astronaut's face about 8 % of the frame's width) was told
// "no face in view"; the detector's second look at the middle finds her, and "move closer" says how small.
import { faceSceneTest } from './camera-face';

faceSceneTest('far', { status: 'warn', text: /one face, but small \([5-9] % of the picture's width\)/, fix: /Move closer to the camera/ });
