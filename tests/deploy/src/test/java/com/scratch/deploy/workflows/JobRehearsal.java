package com.scratch.deploy.workflows;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the steps of one job of a workflow on this machine, as a GitHub runner would, against stand-ins for what
 * the job talks to: the AWS CLI, {@code npx osls}, git, the smoke test and {@code deploy/stage-of-branch}
 * ({@code src/test/resources/job-rehearsal}, whose README says how they behave). The account and the repository
 * are a few files; the stand-ins record every command they are given.
 *
 * <pre>{@code
 * JobRehearsal rehearsal = new JobRehearsal(tempDir).withStacks("billing-api-feature-a");
 * JobRun run = rehearsal.run(GitHubWorkflow.named("remove-stage.yml"), "remove", Map.of(...expressions...));
 * assertThat(run.succeeded()).isTrue();
 * }</pre>
 *
 * <p>{@code run} steps run with {@code bash --noprofile --norc -eo pipefail}, GitHub's {@code shell: bash}, in the
 * step's working directory, with the workflow's, job's and step's {@code env} and what earlier steps appended to
 * {@code $GITHUB_ENV}. {@code ${{ }}} expressions are allowed only in {@code env}, {@code with} and the like, never in
 * a script, and take their values from the map the test gives (plus {@code steps.<id>.outputs.<name>}).
 * {@code aws-actions/configure-aws-credentials} sets {@code AWS_REGION} and marks the job as holding credentials
 * (the stand-ins refuse to run without them); other actions are recorded and skipped.
 */
final class JobRehearsal {

    private static final List<String> STAND_INS = List.of(
            "bin/aws", "bin/npx", "bin/git", "bin/java", "bin/curl", "bin/mvn", "bin/npm", "deploy/stage-of-branch");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.+?)\\s*}}");
    private static final String CREDENTIALS_ACTION = "aws-actions/configure-aws-credentials";

    private final Path repository;
    private final Path bin;
    private final Path world;
    private final Path runnerTemp;

    JobRehearsal(Path folder) {
        this.repository = folder.resolve("repository");
        this.bin = folder.resolve("bin");
        this.world = folder.resolve("world");
        this.runnerTemp = folder.resolve("runner-temp");
        try {
            for (Path dir : List.of(repository.resolve("services/billing-api"), repository.resolve("services/notify-job"),
                    repository.resolve("deploy"), bin, world, runnerTemp)) {
                Files.createDirectories(dir);
            }
            for (String standIn : STAND_INS) {
                Path target = standIn.startsWith("bin/") ? folder.resolve(standIn) : repository.resolve(standIn);
                try (InputStream in = Objects.requireNonNull(
                        JobRehearsal.class.getResourceAsStream("/job-rehearsal/" + standIn), standIn)) {
                    Files.copy(in, target);
                }
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            for (String file : List.of("calls", "stacks", "branches", "stage-of-branch")) {
                Files.writeString(world.resolve(file), "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The account holds these stacks. */
    JobRehearsal withStacks(String... stacks) {
        return write("stacks", stacks);
    }

    /** The repository has these branches. */
    JobRehearsal withBranches(String... branches) {
        return write("branches", branches);
    }

    /** {@code deploy/stage-of-branch branch} prints {@code stage}, whatever the usual rule says. */
    JobRehearsal withStageOfBranch(String branch, String stage) {
        append("stage-of-branch", branch + "=" + stage + "\n");
        return this;
    }

    /** {@code curl} answers this HTTP status. */
    JobRehearsal withCurlStatus(int status) {
        return write("curl-status", String.valueOf(status));
    }

    /** The account's stacks now. */
    List<String> stacks() {
        return lines("stacks");
    }

    /**
     * Runs the job's steps in order until one fails.
     *
     * @param expressions the value of each {@code ${{ }}} expression the job uses, by its text, e.g.
     *                    {@code "github.ref_name" -> "feature/login"}
     */
    JobRun run(GitHubWorkflow workflow, String jobId, Map<String, String> expressions) {
        WorkflowJob job = workflow.job(jobId);
        Map<String, Map<String, String>> outputs = new HashMap<>();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("HOME", runnerTemp.toString());
        env.put("LC_ALL", "C");
        env.put("WORLD", world.toString());
        env.put("RUNNER_TEMP", runnerTemp.toString());
        env.put("GITHUB_WORKSPACE", repository.toString());
        env.put("GITHUB_ENV", runnerTemp.resolve("github-env").toString());
        env.put("GITHUB_OUTPUT", runnerTemp.resolve("github-output").toString());
        env.put("GITHUB_STEP_SUMMARY", runnerTemp.resolve("step-summary").toString());
        if (expressions.containsKey("github.ref_name")) {
            env.put("GITHUB_REF_NAME", expressions.get("github.ref_name"));
        }
        workflow.env().forEach((name, value) -> env.put(name, evaluate(value, expressions, outputs)));
        job.env().forEach((name, value) -> env.put(name, evaluate(value, expressions, outputs)));
        StringBuilder output = new StringBuilder();
        for (WorkflowStep step : job.steps()) {
            if (step.condition() != null) {
                throw new IllegalStateException("a rehearsal runs every step: '" + step + "' has a condition");
            }
            if (step.uses() != null) {
                act(step, env, expressions, outputs);
                continue;
            }
            Map<String, String> stepEnv = new LinkedHashMap<>(env);
            step.env().forEach((name, value) -> stepEnv.put(name, evaluate(value, expressions, outputs)));
            int exitCode = runScript(step, stepEnv, output);
            env.putAll(readAndClear("github-env"));
            if (step.id() != null) {
                outputs.put(step.id(), readAndClear("github-output"));
            }
            if (exitCode != 0) {
                return new JobRun(step.name(), exitCode, output.toString(), lines("calls"), summary());
            }
        }
        return new JobRun(null, 0, output.toString(), lines("calls"), summary());
    }

    private void act(WorkflowStep step, Map<String, String> env, Map<String, String> expressions,
            Map<String, Map<String, String>> outputs) {
        if (step.usesAction(CREDENTIALS_ACTION)) {
            String role = evaluate(step.with().get("role-to-assume"), expressions, outputs);
            String region = evaluate(step.with().get("aws-region"), expressions, outputs);
            env.put("REHEARSAL_ROLE", role);
            env.put("AWS_REGION", region);
            env.put("AWS_DEFAULT_REGION", region);
            append("calls", "credentials " + role + " " + region + "\n");
        } else {
            append("calls", "uses " + step.uses() + "\n");
        }
    }

    private int runScript(WorkflowStep step, Map<String, String> env, StringBuilder output) {
        if (EXPRESSION.matcher(step.run()).find()) {
            throw new IllegalStateException("'" + step + "' has a ${{ }} expression in its script: pass it through env");
        }
        try {
            Path script = Files.writeString(Files.createTempFile(runnerTemp, "step", ".sh"), step.run());
            Path directory = step.workingDirectory() == null ? repository : repository.resolve(step.workingDirectory());
            Path printed = runnerTemp.resolve("step-output");
            ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail",
                    script.toString()).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(printed.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("'" + step + "' did not end within 60 s");
            }
            output.append("## ").append(step.name()).append('\n').append(Files.readString(printed, StandardCharsets.UTF_8));
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String evaluate(Object value, Map<String, String> expressions,
            Map<String, Map<String, String>> outputs) {
        Matcher matcher = EXPRESSION.matcher(String.valueOf(value));
        StringBuilder evaluated = new StringBuilder();
        while (matcher.find()) {
            String expression = matcher.group(1);
            String result;
            Matcher output = Pattern.compile("steps\\.([\\w-]+)\\.outputs\\.([\\w-]+)").matcher(expression);
            if (output.matches()) {
                result = outputs.getOrDefault(output.group(1), Map.of()).getOrDefault(output.group(2), "");
            } else if (expressions.containsKey(expression)) {
                result = expressions.get(expression);
            } else {
                throw new IllegalArgumentException("the test gives no value for ${{ " + expression + " }}");
            }
            matcher.appendReplacement(evaluated, Matcher.quoteReplacement(result));
        }
        matcher.appendTail(evaluated);
        return evaluated.toString();
    }

    /** NAME=value lines, as steps append them to $GITHUB_ENV and $GITHUB_OUTPUT (no multi-line values here). */
    private Map<String, String> readAndClear(String file) {
        Path path = runnerTemp.resolve(file);
        Map<String, String> values = new LinkedHashMap<>();
        try {
            if (Files.exists(path)) {
                for (String line : Files.readAllLines(path)) {
                    int equals = line.indexOf('=');
                    if (equals > 0) {
                        values.put(line.substring(0, equals), line.substring(equals + 1));
                    }
                }
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    private String summary() {
        try {
            Path path = runnerTemp.resolve("step-summary");
            return Files.exists(path) ? Files.readString(path) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JobRehearsal write(String file, String... lines) {
        try {
            Files.writeString(world.resolve(file), lines.length == 0 ? "" : String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private void append(String file, String text) {
        try {
            Files.writeString(world.resolve(file), text, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> lines(String file) {
        try {
            return new ArrayList<>(Files.readAllLines(world.resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
