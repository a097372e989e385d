package com.langomni.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Prometheus scrapes pods by annotation (deploy/monitoring/prometheus/prometheus.yml): every service and model server
 * carries them, on a port the pod listens on and at the path it serves metrics on.
 */
class ScrapeTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyServiceIsAnnotatedForScraping(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        for (LangomniService service : LangomniService.values()) {
            Workload w = overlay.render().workload(service.k8sName());
            ServiceConfig config = service.config();
            check(w, String.valueOf(config.httpPort()), config.metricsPath(), problems);
        }
        assertTrue(problems.isEmpty(), overlay + ":\n" + String.join("\n", problems));
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyModelServerIsAnnotatedForScraping(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        for (String name : List.of("vllm-world", "vllm-npc")) {
            check(overlay.render().workload(name), "8000", "/metrics", problems);
        }
        assertTrue(problems.isEmpty(), overlay + ":\n" + String.join("\n", problems));
    }

    @Test
    void prometheusScrapesPodsByThoseAnnotations() throws IOException {
        JsonNode config = new YAMLMapper().readTree(Repo.path("deploy/monitoring/prometheus/prometheus.yml").toFile());

        boolean found = false;
        for (JsonNode job : config.path("scrape_configs")) {
            boolean podRole = false;
            for (JsonNode sd : job.path("kubernetes_sd_configs")) {
                podRole |= "pod".equals(sd.path("role").asText());
            }
            String relabels = job.path("relabel_configs").toString();
            found |= podRole
                    && relabels.contains("__meta_kubernetes_pod_annotation_prometheus_io_scrape")
                    && relabels.contains("__meta_kubernetes_pod_annotation_prometheus_io_port")
                    && relabels.contains("__meta_kubernetes_pod_annotation_prometheus_io_path");
        }
        assertTrue(found, "deploy/monitoring/prometheus/prometheus.yml has no pod job that keeps prometheus.io/scrape "
                + "pods and follows their prometheus.io/port and prometheus.io/path");
    }

    private static void check(Workload w, String port, String path, List<String> problems) {
        Map<String, String> annotations = w.podAnnotations();
        if (!"true".equals(annotations.get("prometheus.io/scrape"))) {
            problems.add(w.id() + " pods are not annotated prometheus.io/scrape: \"true\"");
        }
        if (!port.equals(annotations.get("prometheus.io/port"))) {
            problems.add(w.id() + " prometheus.io/port is " + annotations.get("prometheus.io/port") + ", expected " + port);
        }
        if (!path.equals(annotations.get("prometheus.io/path"))) {
            problems.add(w.id() + " prometheus.io/path is " + annotations.get("prometheus.io/path") + ", expected " + path);
        }
        boolean listens = false;
        for (JsonNode c : w.containers()) {
            for (JsonNode p : c.path("ports")) {
                listens |= port.equals(p.path("containerPort").asText());
            }
        }
        if (!listens) {
            problems.add(w.id() + " has no container port " + port + " to scrape");
        }
    }
}
