// Issue 26: strong side light, half the face in deep shadow (the astronaut with a shadow gradient
// over her left half). It passed as "well lit"; the light on the face's two halves now says so.
import { faceSceneTest } from './camera-face';

faceSceneTest('half-shadow', { status: 'warn', text: /half of it in shadow/, fix: /Light your face evenly/ });
