// The page's entry point: starts the Python session, then loads the
// playground (web/playground.js) around it. The session's worker boots in
// parallel with the editor, terminal and views' code instead of after it.
import './session/page-session.js';

import('./playground.js');
