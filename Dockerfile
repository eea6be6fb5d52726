# Builds and runs Parley in a container: `docker compose up` (see docker-compose.yml).
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
COPY . .
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:25-jre
WORKDIR /app
COPY --from=build /src/target/parley-*.jar /app/parley.jar
# 8080: the page and /ws/session; 30xx: the practice servers (CONTRACTS.md §4).
EXPOSE 8080 3025 3465 3110 3995 3143 3993 3080
ENTRYPOINT ["java", "-jar", "/app/parley.jar"]
