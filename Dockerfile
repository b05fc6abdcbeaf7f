# syntax=docker/dockerfile:1.7
# One image for the API (default command) and the worker (`node server/dist/worker.js`).
#   docker build -t gw2optimizer:$(git describe --tags --always) .
# Stages: deps (npm ci, cached on the lockfile) -> build (tsc + vite, then prune dev
# dependencies) -> runtime (production node_modules and build output only, non-root).

ARG NODE_IMAGE=node:20.20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NPM_CONFIG_AUDIT=false NPM_CONFIG_FUND=false NPM_CONFIG_UPDATE_NOTIFIER=false
# Manifests only, so source edits do not invalidate the install layer.
COPY package.json package-lock.json ./
COPY packages/game/package.json packages/game/
COPY server/package.json server/
COPY client/package.json client/
RUN --mount=type=cache,target=/root/.npm npm ci

FROM deps AS build
COPY tsconfig.base.json schema.graphql codegen.yml ./
COPY packages/game packages/game
COPY server server
COPY client client
RUN npm run build && npm prune --omit=dev

FROM ${NODE_IMAGE} AS runtime
ARG VERSION=dev
LABEL org.opencontainers.image.title="gw2optimizer" \
      org.opencontainers.image.version="${VERSION}"
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    DATA_DIR=/app/.data \
    NODE_OPTIONS=--enable-source-maps
WORKDIR /app
# Workspace packages are symlinked from node_modules/@gw2/*, so the tree keeps its layout:
# the server also finds the repository root (package.json version) and client/dist from it.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/packages/game packages/game
COPY --from=build /app/server server
COPY --from=build /app/client client
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 4000
# The worker overrides this (see docker-compose.prod.yml): it has no /health.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server/dist/main.js"]
