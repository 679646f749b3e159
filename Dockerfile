# Two stages: build a virtualenv from the hash-locked runtime requirements (no test tools), then copy it into a clean,
# non-root runtime image. The database lives in the /data volume.
FROM python:3.11-slim AS build

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1
WORKDIR /src
RUN python -m venv /opt/venv
COPY requirements-runtime.lock ./
RUN /opt/venv/bin/pip install --no-cache-dir --require-hashes -r requirements-runtime.lock
COPY pyproject.toml README.md ./
COPY service ./service
COPY seeds ./seeds
RUN /opt/venv/bin/pip install --no-cache-dir --no-deps .

FROM python:3.11-slim

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    TIMELINE_DATABASE_URL=sqlite:////data/timeline.db
RUN useradd --system --uid 10001 --create-home timeline \
    && mkdir /data \
    && chown timeline:timeline /data
COPY --from=build /opt/venv /opt/venv
USER 10001:10001
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=2)"]
CMD ["timeline", "serve", "--host", "0.0.0.0", "--port", "8000"]
