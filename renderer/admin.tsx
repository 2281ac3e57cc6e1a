// Entry of the administration page the central server serves at /quan-tri/ (admin.html): the
// administration section alone, talking to the server that served it.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AdminApp } from './webadmin/AdminApp';
import './print/fonts.css';
import './app/app.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AdminApp serverUrl={location.origin} />
  </StrictMode>,
);
