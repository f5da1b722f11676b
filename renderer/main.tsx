/** Entry point of the renderer: fonts and styles (all bundled, never remote), then the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/fonts.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/reader.css';
import './styles/panels.css';
import { App } from './App';

const container = document.getElementById('root');
if (container === null) throw new Error('renderer: #root missing from index.html');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
