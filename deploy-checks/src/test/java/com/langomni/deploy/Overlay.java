package com.langomni.deploy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The kustomize overlays under deploy/k8s/overlays, each rendered once per test run. */
enum Overlay {

    NVIDIA("nvidia", "nvidia.com/gpu", "vllm/vllm-openai"),
    AMD("amd", "amd.com/gpu", "rocm/vllm"),
    SIM("sim", null, "langomni/llm-simulator");

    private static final Map<Overlay, Manifests> RENDERED = new ConcurrentHashMap<>();

    private final String directory;
    private final String gpuResource;
    private final String modelServerImage;

    Overlay(String directory, String gpuResource, String modelServerImage) {
        this.directory = directory;
        this.gpuResource = gpuResource;
        this.modelServerImage = modelServerImage;
    }

    Path dir() {
        return Repo.path("deploy/k8s/overlays/" + directory);
    }

    /** The extended resource its model servers request; empty for the simulator overlay. */
    Optional<String> gpuResource() {
        return Optional.ofNullable(gpuResource);
    }

    /** The image repository (without tag) its model servers run. */
    String modelServerImage() {
        return modelServerImage;
    }

    Manifests render() {
        return RENDERED.computeIfAbsent(this, o -> Manifests.parse(Kubectl.fromEnvironment().kustomize(o.dir())));
    }

    @Override
    public String toString() {
        return directory;
    }
}
