// Monaco's web workers for GraphiQL. This mirrors `graphiql/setup-workers/vite`, but lives in
// our source: Vite's dev server pre-bundles dependencies and cannot follow the `?worker`
// imports inside that published file (the dev server dies on start), while imports from our
// own code go through Vite's worker plugin in both dev and build.
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker.js?worker';
import GraphQLWorker from 'monaco-graphql/esm/graphql.worker.js?worker';
// Also brings monaco's `Window.MonacoEnvironment` declaration into scope.
import type { Environment } from 'monaco-editor';

const environment: Environment = {
  getWorker(_workerId, label) {
    switch (label) {
      case 'json':
        return new JsonWorker();
      case 'graphql':
        return new GraphQLWorker();
      default:
        return new EditorWorker();
    }
  },
};
window.MonacoEnvironment = environment;
