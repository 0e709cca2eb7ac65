import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { useSlidecast } from './state/store';
import { connectCompute } from './state/computeConnection';
import './ui/styles.css';

connectCompute(useSlidecast);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
