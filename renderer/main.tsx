import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { captureWindowErrors } from './host/log';
import './app/app.css';

// Uncaught errors and rejected promises go to the machine's log file, not only to a console nobody reads.
captureWindowErrors(window);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
