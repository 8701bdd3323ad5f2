# syntax=docker/dockerfile:1
#
# Jol's image. Stages:
#   deps      production node_modules only (npm ci --omit=dev; tsx is a runtime dependency,
#             since Jol runs its TypeScript sources directly)
#   runtime   the app on node:20-slim, as the unprivileged `node` user
#   whatsapp  runtime + Debian's Chromium for whatsapp-web.js    (docker build --target whatsapp .)
#   app       the default image: Telegram and everything else    (docker build .)
#
# Build context: see .dockerignore (no node_modules, .env, WhatsApp profiles or tests go in).

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# whatsapp-web.js pulls in puppeteer; never let it download its own Chrome (.puppeteerrc.cjs too).
ENV PUPPETEER_SKIP_DOWNLOAD=true
COPY package.json package-lock.json .puppeteerrc.cjs ./
RUN npm ci --omit=dev --no-audit --no-fund \
 && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PUPPETEER_SKIP_DOWNLOAD=true
WORKDIR /app
# Code and content belong to root and are read-only for the process; it writes only to Redis
# (and, in the whatsapp stage, to its profile folder).
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json .puppeteerrc.cjs ./
COPY bin ./bin
COPY src ./src
COPY flows ./flows
COPY locales ./locales
# Fail the build, not the first chat, if a flow or text is broken.
RUN node bin/jol.js flows check
USER node
CMD ["node", "bin/jol.js", "start"]

FROM runtime AS whatsapp
USER root
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-liberation ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /app/.wwebjs_auth /app/.wwebjs_cache \
 && chown node:node /app/.wwebjs_auth /app/.wwebjs_cache
# The browser profile (LocalAuth) and the pairing QR live in /app/.wwebjs_auth: mount a volume
# there so a restart does not ask to pair again.
ENV PUPPETEER_EXECUTABLE_PATH=/usr/bin/chromium \
    WHATSAPP_DATA_DIR=/app/.wwebjs_auth \
    WHATSAPP_QR_PNG=/app/.wwebjs_auth/whatsapp-qr.png
VOLUME ["/app/.wwebjs_auth"]
USER node
CMD ["node", "bin/jol.js", "start"]

# Last stage = what `docker build .` produces.
FROM runtime AS app
