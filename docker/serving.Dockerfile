# The prediction server (@ctpipe/serving: TF Serving's REST API) as a Vertex AI custom container, built
# from the repo root:
#   docker build -f docker/serving.Dockerfile -t ctpipe/serving .
# Vertex AI sets AIP_HTTP_PORT (8080, the containerPort the push component registers), AIP_HEALTH_ROUTE,
# AIP_PREDICT_ROUTE and AIP_STORAGE_URI (its copy of the model's artifactUri); the server reads all four and
# listens on 0.0.0.0 when AIP_HTTP_PORT is set. Elsewhere:
#   docker run -p 8080:8080 -v /models:/models ctpipe/serving --host 0.0.0.0 --port 8080 --base /models --model penguins
#
# Same stages as component.Dockerfile; tfjs-node is installed by default (native TensorFlow is the fastest
# backend @ctpipe/model can pick, and a server is where speed pays).

# Node 22 (LTS until 2027-04-30): Node 20 reached end of life on 2026-04-30. bookworm = Debian 12.
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS base
ARG NPM_VERSION=11.19.1
ENV TURBO_TELEMETRY_DISABLED=1 \
    DO_NOT_TRACK=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
RUN if [ "$(npm --version)" != "${NPM_VERSION}" ]; then npm install --global "npm@${NPM_VERSION}" && npm cache clean --force; fi
WORKDIR /app

FROM base AS pruner
ARG TURBO_VERSION=2.11.11
RUN npm install --global "turbo@${TURBO_VERSION}" && npm cache clean --force
COPY . .
# tsconfig.base.json is not a package dependency, so prune leaves it behind; every package's tsconfig extends it.
RUN turbo prune @ctpipe/serving --docker && cp tsconfig.base.json out/full/

FROM base AS builder
COPY --from=pruner /app/out/json/ .
RUN npm ci && npm cache clean --force
COPY --from=pruner /app/out/full/ .
RUN npx turbo run build --filter="@ctpipe/serving..." --output-logs=errors-only \
    && mkdir /ship \
    && cp -R packages /ship/ \
    && find /ship -mindepth 3 -maxdepth 3 \
         \( -name node_modules -o -name src -o -name test -o -name bench -o -name 'tsconfig*.json' \) \
         -exec rm -rf {} + \
    && find /ship -name '*.map' -type f -exec rm -f {} +

FROM base AS prod-deps
# false = the WebAssembly backend only (no download of libtensorflow during the build).
ARG TFJS_NODE=true
ENV NODE_ENV=production
COPY --from=pruner /app/out/json/ .
# tfjs-node gets exactly the installed tfjs version: a second tfjs-core would register its backend in an
# engine @ctpipe/model never uses. Source maps are half of node_modules (207 of 431 MB with tfjs) and unused
# without --enable-source-maps; ours (in /ship) point at src/, which is not shipped.
RUN npm ci --omit=dev \
    && if [ "${TFJS_NODE}" = true ]; then \
         tfjs="$(node -p "require('@tensorflow/tfjs/package.json').version")" \
         && npm install --omit=dev --no-save "@tensorflow/tfjs-node@${tfjs}"; \
       fi \
    && npm cache clean --force \
    && find node_modules -name '*.map' -type f -exec rm -f {} +

FROM ${NODE_IMAGE} AS runner
LABEL org.opencontainers.image.title="ctpipe serving" \
      org.opencontainers.image.description="ctpipe prediction server: TF Serving REST API, Vertex AI custom container"
ENV NODE_ENV=production
WORKDIR /app
# Owned by root, only readable by the server's user. Models are mirrored from AIP_STORAGE_URI under /tmp.
COPY --from=prod-deps /app/ ./
COPY --from=builder /ship/ ./
# The node image's `node` user, by number so Kubernetes' runAsNonRoot can verify it is not root.
USER 1000:1000
EXPOSE 8080
ENTRYPOINT ["node", "/app/packages/serving/dist/main.js"]
# Defaults for a plain `docker run`; AIP_HTTP_PORT wins over --port under Vertex AI.
CMD ["--host", "0.0.0.0", "--port", "8080"]
