// Entry: connect to the server that served the page and render the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { Connection } from './connection.js';
import './styles.css';

const conn = Connection.forPage(window.location);
conn.connect();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App conn={conn} />
  </StrictMode>,
);
