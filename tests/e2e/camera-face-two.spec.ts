// Two people side by side: the face check fails (only the learner may be in view).
import { faceSceneTest } from './camera-face';

faceSceneTest('two-faces', { status: 'fail', text: /2 faces in view/, fix: /Only you may be in view/ });
