export * from './squad-text.js';
