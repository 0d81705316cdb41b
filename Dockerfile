# syntax=docker/dockerfile:1
# pyhabot container image.
#   docker build -t pyhabot .
#   docker run --rm -v pyhabot-data:/data pyhabot add '<search url>'
#   docker run --rm -v pyhabot-data:/data pyhabot            # one check
# docker-compose.yml runs the same image as a service that checks every few minutes (docker/loop.sh).

# Both stages must use the same Node.js: the compiled SQLite driver only loads into the Node.js it was built for.
ARG NODE_IMAGE=node:22-bookworm-slim

# --- build: compile the SQLite driver and the TypeScript sources, then drop the development dependencies.
FROM ${NODE_IMAGE} AS build

# better-sqlite3 compiles its native driver with node-gyp, which needs python3, make and a C++ compiler.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Compile the driver from the source in the locked npm package instead of downloading a prebuilt binary that the
# lockfile's integrity hashes do not cover; it also builds the same way on every architecture.
# node-gyp would otherwise download the Node.js headers from nodejs.org, outside the npm registry; the official
# node images carry the headers of their own Node.js in /usr/local/include/node, so the build uses those. What the
# build still fetches: the base image, Debian packages (above) and the npm registry.
ENV npm_config_build_from_source=true \
  npm_config_nodedir=/usr/local

# Dependencies first, so that a change to the sources does not compile SQLite again (a couple of minutes).
# `npm ci` would run this package's `prepare` script (the TypeScript build) before the sources are copied in, so
# it runs without install scripts here; better-sqlite3's is the only one a dependency has, and `npm rebuild`
# runs it.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund \
  && npm rebuild better-sqlite3

COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Production dependencies only. `--omit=optional` drops TypeScript (23 MB), which `--omit=dev` keeps because
# cosmiconfig names it as an optional peer; pyhabot refuses TypeScript config files and never loads it. No
# production dependency has optional dependencies of its own. Of the compiled driver only the module itself is
# needed at run time, not SQLite's sources and the object files (25 MB).
RUN npm prune --omit=dev --omit=optional --no-audit --no-fund \
  && find node_modules/better-sqlite3/build -mindepth 1 -maxdepth 2 \
    ! -path node_modules/better-sqlite3/build/Release ! -name better_sqlite3.node -exec rm -rf {} + \
  && rm -rf node_modules/better-sqlite3/deps node_modules/better-sqlite3/src

# --- runtime: the compiled program, its production dependencies and the loop; no compiler, no sources.
FROM ${NODE_IMAGE}

ENV NODE_ENV=production \
  PERSISTENT_DATA_PATH=/data \
  TZ=Europe/Budapest

# A fixed uid, so that a bind-mounted data directory can be given to it: chown 10001:10001 <dir>.
RUN groupadd --system --gid 10001 pyhabot \
  && useradd --system --uid 10001 --gid pyhabot --home-dir /data --no-create-home --shell /usr/sbin/nologin pyhabot \
  && mkdir /data \
  && chown pyhabot:pyhabot /data

WORKDIR /app
COPY --from=build /app/package.json ./
# The GPL asks that the license travel with the program.
COPY LICENSE ./LICENSE
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --chmod=0755 bin/pyhabot.js ./bin/pyhabot.js
COPY --chmod=0755 docker/loop.sh ./docker/loop.sh
RUN ln -s /app/bin/pyhabot.js /usr/local/bin/pyhabot \
  && ln -s /app/docker/loop.sh /usr/local/bin/pyhabot-loop

USER pyhabot
# The data directory is also the working directory, so a .pyhabotrc placed in the volume is found.
WORKDIR /data
VOLUME /data

# Healthy while checks keep succeeding: a running process proves nothing about a blocked site or a dead webhook.
HEALTHCHECK --interval=1m --timeout=15s --start-period=2m --retries=3 \
  CMD ["pyhabot", "status", "--max-age", "20m"]

ENTRYPOINT ["pyhabot"]
CMD ["check"]
