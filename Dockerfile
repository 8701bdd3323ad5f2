# syntax=docker/dockerfile:1
#
# Jol's images. Stages:
#   build          compile src/ to dist/ (TypeScript, with the dev dependencies)
#   deps           production node_modules without optional ones (no whatsapp-web.js, no puppeteer)
#   deps-whatsapp  production node_modules with whatsapp-web.js (never a browser download)
#   base           dist/, flows and texts on a current Node LTS, HEALTHCHECK on /readyz
#   whatsapp       base + Debian's Chromium + whatsapp-web.js  (docker build --target whatsapp .)
#   app            the default image, Telegram only             (docker build .)
# Both images run as the unprivileged `node` user; code and content belong to root (read-only).
# Build context: see .dockerignore. docs/deploy.md walks through running them.

ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV PUPPETEER_SKIP_DOWNLOAD=true
COPY package.json package-lock.json .puppeteerrc.cjs ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/build.js ./scripts/build.js
COPY src ./src
RUN node scripts/build.js

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force

FROM ${NODE_IMAGE} AS deps-whatsapp
WORKDIR /app
ENV PUPPETEER_SKIP_DOWNLOAD=true
COPY package.json package-lock.json .puppeteerrc.cjs ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force

FROM ${NODE_IMAGE} AS base
# OPS_HOST: the operations endpoints must be reachable from Prometheus on the compose network.
ENV NODE_ENV=production \
    OPS_HOST=0.0.0.0 \
    OPS_PORT=9091
WORKDIR /app
COPY package.json ./
COPY bin ./bin
COPY flows ./flows
COPY locales ./locales
COPY --from=build /app/dist ./dist
EXPOSE 9091
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["node", "bin/healthcheck.js"]

FROM base AS whatsapp
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-liberation ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /app/.wwebjs_auth /app/.wwebjs_cache \
 && chown node:node /app/.wwebjs_auth /app/.wwebjs_cache
COPY --from=deps-whatsapp /app/node_modules ./node_modules
# Fail the build, not the first chat, if a flow or text is broken. Then build the knowledge
# search index once into node_modules/.cache/jol (keyed by the texts, code and library versions,
# all fixed in the image), so no process of the container builds it at start.
RUN node bin/jol.js flows check && node bin/jol.js ask "registration" > /dev/null
# The browser profile (LocalAuth) and the pairing QR live in /app/.wwebjs_auth: mount a volume
# there so a restart does not ask to pair again.
ENV PUPPETEER_EXECUTABLE_PATH=/usr/bin/chromium \
    PUPPETEER_SKIP_DOWNLOAD=true \
    WHATSAPP_ENABLED=1 \
    WHATSAPP_DATA_DIR=/app/.wwebjs_auth \
    WHATSAPP_QR_PNG=/app/.wwebjs_auth/whatsapp-qr.png
VOLUME ["/app/.wwebjs_auth"]
USER node
CMD ["node", "bin/jol.js", "start"]

# Last stage = what `docker build .` produces.
FROM base AS app
COPY --from=deps /app/node_modules ./node_modules
# As in the whatsapp image: check flows and texts, and fill the knowledge index cache.
RUN node bin/jol.js flows check && node bin/jol.js ask "registration" > /dev/null
USER node
CMD ["node", "bin/jol.js", "start"]
