# One image per pipeline component (KFP v2 container contract), built from the repo root:
#   docker build -f docker/component.Dockerfile --build-arg COMPONENT=extract -t ctpipe/extract .
# COMPONENT is a folder name in components/ (extract, validate, transform, train, evaluate, infra-validate,
# push). The image runs `node /app/components/<COMPONENT>/dist/main.js`, as component.yaml's command does.
#
# Stages: pruner (turbo prune: only the component's workspace dependencies) → builder (npm ci, tsc via turbo)
# → prod-deps (npm ci --omit=dev, tfjs-node if wanted) → runner (node, production deps, built dist, non-root).

# Node 22 (LTS until 2027-04-30): Node 20, what the repo develops on, reached end of life on 2026-04-30.
# bookworm = Debian 12, the glibc the duckdb and tfjs-node prebuilt binaries are tested against here.
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS base
# The root package.json's packageManager; the lockfile was written by it.
ARG NPM_VERSION=11.19.1
ENV TURBO_TELEMETRY_DISABLED=1 \
    DO_NOT_TRACK=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
RUN if [ "$(npm --version)" != "${NPM_VERSION}" ]; then npm install --global "npm@${NPM_VERSION}" && npm cache clean --force; fi
WORKDIR /app

FROM base AS pruner
ARG COMPONENT
# The root devDependency's version (test/image checks they agree), installed before COPY so it stays cached.
ARG TURBO_VERSION=2.11.11
RUN npm install --global "turbo@${TURBO_VERSION}" && npm cache clean --force
COPY . .
# turbo prune follows package dependencies only. Two things the component needs are not among them:
# - tsconfig.base.json, which every package's tsconfig extends;
# - the CT pipeline's module files (TFX module_file), which transform and train load by a path relative to
#   /app. pipelines/ct depends on every component, so pruning it in would bring all of them; only the
#   module sources are copied, and they import only packages the component already depends on.
RUN test -f "components/${COMPONENT}/component.yaml" \
      || { echo "COMPONENT='${COMPONENT}' is not a folder in components/" >&2; exit 1; } \
    && turbo prune "@ctpipe/${COMPONENT}" --docker \
    && cp tsconfig.base.json out/full/ \
    && case "${COMPONENT}" in \
         transform) modules="preprocessing" ;; \
         train) modules="preprocessing model" ;; \
         *) modules="" ;; \
       esac \
    && if [ -n "$modules" ]; then \
         mkdir -p out/full/pipelines/ct/src \
         && cp pipelines/ct/package.json pipelines/ct/tsconfig.build.json out/full/pipelines/ct/ \
         && for m in $modules; do cp "pipelines/ct/src/$m.ts" out/full/pipelines/ct/src/; done; \
       fi

FROM base AS builder
ARG COMPONENT
# The pruned package.json files and lockfile first: this layer and npm ci stay cached until they change.
COPY --from=pruner /app/out/json/ .
RUN npm ci && npm cache clean --force
COPY --from=pruner /app/out/full/ .
# /ship holds what the runner takes from here: each workspace's package.json and dist, the entry shim.
# Nested node_modules come from prod-deps instead; sources, tests and tsconfigs stay behind.
RUN npx turbo run build --filter="@ctpipe/${COMPONENT}..." --output-logs=errors-only \
    && if [ -d pipelines/ct ]; then npx tsc -p pipelines/ct/tsconfig.build.json; fi \
    && mkdir /ship \
    && for d in packages components pipelines; do if [ -d "$d" ]; then cp -R "$d" /ship/; fi; done \
    && find /ship -mindepth 3 -maxdepth 3 \
         \( -name node_modules -o -name src -o -name test -o -name bench -o -name 'tsconfig*.json' \) \
         -exec rm -rf {} + \
    && find /ship -name '*.map' -type f -exec rm -f {} + \
    && printf "import './components/%s/dist/main.js';\n" "${COMPONENT}" > /ship/main.mjs

FROM base AS prod-deps
# auto = install @tensorflow/tfjs-node when the component's production tree has @tensorflow/tfjs (train,
# evaluate, infra-validate); true/false force it. @ctpipe/model picks the native backend at run time when it
# loads, else WebAssembly. Its install script downloads libtensorflow, so the build needs the internet.
ARG TFJS_NODE=auto
ENV NODE_ENV=production
COPY --from=pruner /app/out/json/ .
# tfjs-node gets exactly the installed tfjs version: a second tfjs-core would register its backend in an
# engine @ctpipe/model never uses. Source maps are half of node_modules (207 of 431 MB with tfjs) and unused
# without --enable-source-maps; ours (in /ship) point at src/, which is not shipped.
RUN npm ci --omit=dev \
    && tfjs_node="${TFJS_NODE}" \
    && if [ "$tfjs_node" = auto ]; then \
         if [ -d node_modules/@tensorflow/tfjs ]; then tfjs_node=true; else tfjs_node=false; fi; \
       fi \
    && if [ "$tfjs_node" = true ]; then \
         tfjs="$(node -p "require('@tensorflow/tfjs/package.json').version")" \
         && npm install --omit=dev --no-save "@tensorflow/tfjs-node@${tfjs}"; \
       fi \
    && npm cache clean --force \
    && find node_modules -name '*.map' -type f -exec rm -f {} +

FROM ${NODE_IMAGE} AS runner
ARG COMPONENT
LABEL org.opencontainers.image.title="ctpipe ${COMPONENT}" \
      org.opencontainers.image.description="ctpipe pipeline component ${COMPONENT} (KFP v2 container contract)"
ENV NODE_ENV=production \
    CTPIPE_COMPONENT=${COMPONENT}
WORKDIR /app
# Owned by root and only readable by the user the component runs as: the code cannot be changed at run time.
# Outputs go to the paths in the ExecutorInput (/gcs/…, /tmp/…), never into /app.
COPY --from=prod-deps /app/ ./
COPY --from=builder /ship/ ./
# The node image's `node` user, by number so Kubernetes' runAsNonRoot can verify it is not root.
USER 1000:1000
# Exec form cannot expand ARG/ENV, so the component is named in a one-line shim written at build time
# (main.mjs imports components/<COMPONENT>/dist/main.js). KFP's command (component.yaml) overrides this with
# the full path anyway; the ENTRYPOINT serves `docker run <image> --executor-input '…'`.
ENTRYPOINT ["node", "/app/main.mjs"]
