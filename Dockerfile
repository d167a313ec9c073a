# Clausecam container job.
#
# Build:  docker build -t clausecam .
# Run:    mkdir -p data && sudo chown 10001 data        # the image runs as uid 10001
#         docker run --rm -v "$PWD/data:/data" clausecam                 (track the bundled declarations)
#    or:  docker run --rm --user "$(id -u)" -v "$PWD/data:/data" clausecam   (run as you instead)
#         docker run --rm -v "$PWD/declarations:/declarations:ro" -v "$PWD/data:/data" clausecam track
#         docker run --rm -e AWS_ENDPOINT_URL=... -e AWS_ACCESS_KEY_ID=... -e AWS_SECRET_ACCESS_KEY=... \
#                    -e CLAUSECAM_STORE=s3://bucket/prefix clausecam
# Push:   docker build -t clausecam:0.1.0 . && docker tag clausecam:0.1.0 REGISTRY/clausecam:0.1.0
#         docker push REGISTRY/clausecam:0.1.0        (then set that name as image: in deploy/kubernetes/*.yaml)
#
# Both stages are Debian 12 with Debian's OpenJDK 17, Maven and Chromium: the same parts CI
# installs and tests with (.ci/run, scripts/container-test), so what runs here is what the
# tests ran. Where no registry serves debian:bookworm, scripts/container-base makes it from
# Debian's packages (podman).

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
# Playwright's driver (Node.js + the Playwright package), unpacked once here rather than into
# /tmp by every process (134 MB per start); found at run time through -Dplaywright.cli.dir.
# Only this platform's Node.js is kept: the bundle jar (202 MB, 5 platforms) stays out of the image.
RUN set -eu; \
    case "$(dpkg --print-architecture)" in \
      amd64) platform=linux ;; arm64) platform=linux-arm64 ;; \
      *) echo "no Playwright driver for $(dpkg --print-architecture)" >&2; exit 1 ;; \
    esac; \
    mkdir -p /tmp/pw && cd /tmp/pw; \
    jar xf /src/target/lib/driver-bundle-*.jar "driver/$platform"; \
    jar xf "$(ls /src/target/lib/driver-[0-9]*.jar)" driver/package; \
    mkdir -p /opt/playwright; \
    mv "driver/$platform"/* driver/package /opt/playwright/; \
    chmod 755 /opt/playwright/node; \
    chmod -R a+rX /opt/playwright; \
    /opt/playwright/node /opt/playwright/package/cli.js --version; \
    rm -rf /tmp/pw /src/target/lib/driver-bundle-*.jar

FROM debian:bookworm-slim
# Fonts for what pages and e-mails show: Latin, CJK, and colour emoji (subjects and notices use
# them; without a font they are pictured as empty boxes).
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jre-headless chromium tini \
      fonts-dejavu-core fonts-liberation fonts-noto-cjk fonts-noto-color-emoji ca-certificates \
 && apt-get clean && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 10001 --user-group --shell /usr/sbin/nologin clausecam \
 && mkdir -p /data && chown 10001:10001 /data
COPY --from=build /opt/playwright /opt/playwright
COPY --from=build /src/target/lib /opt/clausecam/lib
COPY --from=build /src/target/clausecam.jar /opt/clausecam/clausecam.jar
COPY src/main/cds/classes.lst /opt/clausecam/classes.lst
# A class-data sharing archive of the classes a capture loads: the JVM starts ~0.3 s sooner
# (docs/benchmarks.md, "One-off capture"). Made here, against the jar's final path.
RUN java -Xshare:dump -XX:SharedClassListFile=/opt/clausecam/classes.lst \
         -XX:SharedArchiveFile=/opt/clausecam/clausecam.jsa -cp /opt/clausecam/clausecam.jar >/dev/null
COPY declarations /declarations

# The system Chromium is used; Playwright must not try to download its own.
# The container is Chromium's sandbox: Docker's and Kubernetes' default seccomp profiles deny
# the user namespaces Chromium's own sandbox needs.
ENV CLAUSECAM_CHROMIUM=/usr/bin/chromium \
    CLAUSECAM_CHROMIUM_SANDBOX=off \
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    PLAYWRIGHT_DRIVER_DIR=/opt/playwright \
    CLAUSECAM_DECLARATIONS=/declarations \
    CLAUSECAM_STORE=file:/data
# Numeric, so that Kubernetes' runAsNonRoot can check it.
USER 10001:10001
WORKDIR /home/clausecam
VOLUME /data
# tini is PID 1: it reaps Chromium's orphaned helpers and forwards SIGTERM/SIGINT to Java
# (only to Java: Java ends the captures in flight and closes Chromium itself).
# The heap is bounded explicitly (Chromium, outside the heap, takes most of a pod's memory;
# see deploy/kubernetes); override with `--entrypoint` or the manifests' `command`.
ENTRYPOINT ["/usr/bin/tini", "--", "java", "-Xmx1g", "-XX:+ExitOnOutOfMemoryError", \
            "-XX:SharedArchiveFile=/opt/clausecam/clausecam.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", \
            "-Dplaywright.cli.dir=/opt/playwright", "-jar", "/opt/clausecam/clausecam.jar"]
CMD ["track"]
