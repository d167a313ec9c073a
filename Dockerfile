# Clausecam container job. Build:  docker build -t clausecam .
# Run:    docker run --rm -v "$PWD/data:/data" clausecam            (track ./declarations baked in)
#         docker run --rm -v "$PWD/declarations:/declarations:ro" -v "$PWD/data:/data" clausecam track
#         docker run --rm -e AWS_ENDPOINT_URL=... -e AWS_ACCESS_KEY_ID=... -e AWS_SECRET_ACCESS_KEY=... \
#                    -e CLAUSECAM_STORE=s3://bucket/prefix clausecam
#
# Both stages are Debian 12 with Debian's OpenJDK 17, Maven and Chromium: the same parts CI
# installs and tests with (.ci/run), so what runs here is what the tests ran.

FROM debian:bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml .
# Dependencies in their own layer: editing sources does not download them again.
RUN mvn -B -ntp -q dependency:resolve
COPY src src
RUN mvn -B -ntp -q -DskipTests package

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jre-headless chromium \
      fonts-dejavu-core fonts-liberation fonts-noto-cjk ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 10001 --shell /usr/sbin/nologin clausecam \
 && mkdir -p /data && chown clausecam /data
COPY --from=build /src/target/clausecam.jar /opt/clausecam/clausecam.jar
COPY --from=build /src/target/lib /opt/clausecam/lib
COPY declarations /declarations

# The system Chromium is used; Playwright must not try to download its own.
# The container is Chromium's sandbox: Docker's and Kubernetes' default seccomp profiles deny
# the user namespaces Chromium's own sandbox needs.
ENV CLAUSECAM_CHROMIUM=/usr/bin/chromium \
    CLAUSECAM_CHROMIUM_SANDBOX=off \
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    CLAUSECAM_DECLARATIONS=/declarations \
    CLAUSECAM_STORE=file:/data
USER clausecam
WORKDIR /home/clausecam
VOLUME /data
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-jar", "/opt/clausecam/clausecam.jar"]
CMD ["track"]
