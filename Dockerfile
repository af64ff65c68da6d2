# Image of the product: one image for the worker and the API (temporal-docker/docker-compose.yml
# chooses the command). The app runs its TypeScript directly with tsx (a runtime dependency).
#
#   docker build -t open-support .
#   docker run --rm open-support node --import tsx workers/main.ts
ARG NODE_IMAGE=node:20.19.5-bookworm-slim

# ---- dependencies: full install (native modules built or fetched here), then dev deps pruned ----
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# Toolchain for native modules (better-sqlite3) when no prebuilt binary fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund \
 && npm prune --omit=dev --no-audit --no-fund \
 && npm cache clean --force

# ---- runtime ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Code and dependencies stay owned by root (read-only to the app); only data/ is the app's to write.
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# The API by default; the worker's service overrides the command.
CMD ["node", "--import", "tsx", "api/main.ts"]
