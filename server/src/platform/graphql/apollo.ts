import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema, ValidationRule } from 'graphql';
import type { ErrorReporter } from '../error-reporting.js';
import type { Metrics } from '../metrics.js';
import { errorReportingPlugin } from './error-reporting.plugin.js';
import type { GraphQLContext } from './context.js';
import { metricsPlugin } from './metrics.plugin.js';
import { formatGraphQLError } from './errors.js';

/**
 * Apollo with only what the product uses: per-field cache-control and tracing instrumentation
 * cost about a third of throughput here (see STACK.md), and the landing page is /docs.
 */
export async function createApolloServer(options: {
  schema: GraphQLSchema;
  introspection: boolean;
  exposeInternals: boolean;
  metrics: Metrics;
  errorReporter: ErrorReporter;
  /** Hardening (graphql-armor, rate-limit status): extra plugins and validation rules. */
  plugins?: readonly ApolloServerPlugin<GraphQLContext>[];
  validationRules?: readonly ValidationRule[];
  /** graphql-js parse limits (maxTokens). */
  parseOptions?: { maxTokens?: number };
}): Promise<ApolloServer<GraphQLContext>> {
  const apollo = new ApolloServer<GraphQLContext>({
    schema: options.schema,
    introspection: options.introspection,
    csrfPrevention: true,
    // Shutdown is ours (main.ts): Apollo's own handler would stop it early and re-raise the signal.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    validationRules: [...(options.validationRules ?? [])],
    ...(options.parseOptions ? { parseOptions: options.parseOptions } : {}),
    formatError: (formatted, error) =>
      formatGraphQLError(formatted, { exposeInternals: options.exposeInternals }, error),
    plugins: [
      metricsPlugin(options.metrics),
      errorReportingPlugin(options.errorReporter),
      ...(options.plugins ?? []),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
    ],
  });
  await apollo.start();
  return apollo;
}
