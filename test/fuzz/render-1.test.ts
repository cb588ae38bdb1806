import { renderFuzz } from './render.ts';

renderFuzz(1);
