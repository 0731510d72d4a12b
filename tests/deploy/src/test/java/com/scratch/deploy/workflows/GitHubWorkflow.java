package com.scratch.deploy.workflows;

import static org.assertj.core.api.Assertions.fail;

import com.scratch.emulators.serverless.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** One file of {@code .github/workflows}, read as YAML, with accessors named after what the tests look for. */
record GitHubWorkflow(Path file, String text, Map<String, Object> yaml) {

    static Path folder() {
        return RepositoryRoot.find().resolve(".github").resolve("workflows");
    }

    static List<Path> files() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(file -> file.toString().endsWith(".yml") || file.toString().endsWith(".yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code .github/workflows/<fileName>}. */
    static GitHubWorkflow named(String fileName) {
        return read(folder().resolve(fileName));
    }

    static GitHubWorkflow read(Path file) {
        try {
            String text = Files.readString(file);
            Map<String, Object> yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            return new GitHubWorkflow(file, text, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String fileName() {
        return file.getFileName().toString();
    }

    /**
     * The {@code on:} block as a map from event to its filters. YAML 1.1 reads the bare key {@code on} as the boolean
     * true, as snakeyaml does; GitHub reads it as "on".
     */
    Map<String, Object> triggers() {
        Object on = yaml.containsKey("on") ? yaml.get("on") : yaml.get(Boolean.TRUE);
        return YamlMaps.map(on, "on of " + fileName());
    }

    Map<String, Object> trigger(String event) {
        if (!triggers().containsKey(event)) {
            fail("%s is not triggered by %s: %s", fileName(), event, triggers().keySet());
        }
        Object filters = triggers().get(event);
        return filters == null ? Map.of() : YamlMaps.map(filters, event + " of " + fileName());
    }

    Map<String, Object> env() {
        return YamlMaps.mapOrEmpty(yaml.get("env"));
    }

    Map<String, Object> defaults() {
        return YamlMaps.mapOrEmpty(yaml.get("defaults"));
    }

    Map<String, WorkflowJob> jobs() {
        Map<String, WorkflowJob> jobs = new java.util.LinkedHashMap<>();
        YamlMaps.map(yaml.get("jobs"), "jobs of " + fileName())
                .forEach((id, job) -> jobs.put(id, new WorkflowJob(id, YamlMaps.map(job, id))));
        return jobs;
    }

    WorkflowJob job(String id) {
        WorkflowJob job = jobs().get(id);
        if (job == null) {
            fail("%s has no job %s: %s", fileName(), id, jobs().keySet());
        }
        return job;
    }

    @Override
    public String toString() {
        return fileName();
    }
}
