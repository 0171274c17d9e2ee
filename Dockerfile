# One image for every process of the gateway; docker-compose.yml picks the entry point.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json nx.json tsconfig.base.json tsconfig.json jest.preset.js ./
COPY libs libs
COPY apps apps
COPY migrations migrations
COPY tools tools
RUN npm install --no-audit --no-fund && node tools/lib/build.js gateway

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 DATA_DIR=/data
COPY --from=build /app /app
USER node
EXPOSE 8080
CMD ["node", "apps/gateway/dist/main.js"]
