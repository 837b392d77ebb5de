// The console's one script (served at /admin/console.js): every screen, bundled with Lit.
import './app.js';
