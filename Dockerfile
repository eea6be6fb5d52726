# Builds and runs Parley in a container: `docker compose up` (see docker-compose.yml).
FROM node:20-bookworm-slim AS node

FROM eclipse-temurin:25-jdk AS build
# The Maven build compiles the page's TypeScript with npm (exec-maven-plugin).
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm
WORKDIR /src
COPY . .
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:25-jre
WORKDIR /app
COPY --from=build /src/target/parley-*.jar /app/parley.jar
# 8080: the page and /ws/session; 30xx: the practice servers (CONTRACTS.md §4).
EXPOSE 8080 3025 3465 3110 3995 3143 3993 3080
ENTRYPOINT ["java", "-jar", "/app/parley.jar"]
