package com.scratch.sandbox.definitions;

import static com.scratch.sandbox.definitions.VariableSyntax.closingBrace;
import static com.scratch.sandbox.definitions.VariableSyntax.fallbacks;
import static com.scratch.sandbox.definitions.VariableSyntax.isVariable;
import static com.scratch.sandbox.definitions.VariableSyntax.wholeVariable;

import com.scratch.sandbox.definitions.VariableSyntax.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Resolves the Serverless variables in one service's configuration, for the sources this project uses:
 * {@code ${self:a.b}}, {@code ${opt:stage}}, {@code ${env:NAME}}, {@code ${file(path):a.b}}, each with optional
 * fallbacks ({@code ${x, y, 'literal'}}) and nested variables ({@code ${self:a.${self:b}}}).
 *
 * <p>A string that is exactly one variable becomes the variable's value, whatever its type (a whole map for
 * {@code ${file(...):custom}}); a variable inside a longer string is replaced by its text. As in osls, only
 * {@code ${...}} whose content starts with a lowercase source name followed by {@code :} or {@code (} is a
 * variable: CloudFormation's {@code ${AWS::Region}} in a {@code !Sub} is left alone. {@code self:} always
 * means the service being read, also inside an included file; file paths are relative to the service folder.
 *
 * <p>Not thread-safe: one instance reads one file.
 */
final class VariableResolver {

    private final Path file;
    private final Object root;
    private final String stage;
    private final Map<String, String> environment;
    private final Map<Path, Optional<Object>> includedFiles = new HashMap<>();
    /*
     * The variables being resolved, and those being expanded, right now: meeting one again in the same set
     * means it depends on itself. Two sets, because resolving ${file(...):custom} (all its entries) may need
     * to expand the same variable again (to read one entry), which is no cycle.
     */
    private final Set<String> resolving = new HashSet<>();
    private final Set<String> expanding = new HashSet<>();

    /**
     * @param file the service's {@code serverless.yml}: included files are found from its folder, errors name it
     * @param root its content, as read by {@link CloudFormationYaml}
     */
    VariableResolver(Path file, Object root, String stage, Map<String, String> environment) {
        this.file = Objects.requireNonNull(file, "file == null");
        this.root = root;
        this.stage = Objects.requireNonNull(stage, "stage == null");
        this.environment = Objects.requireNonNull(environment, "environment == null");
    }

    /** A copy of {@code node} with every variable in it resolved. */
    Object resolve(Object node) {
        if (node instanceof String text) {
            return resolveString(text);
        }
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(key, resolve(value)));
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(resolve(element)));
            return copy;
        }
        if (node instanceof CfnRef ref) {
            return new CfnRef(resolveText(ref.logicalId()));
        }
        if (node instanceof CfnSub sub) {
            return new CfnSub(resolveText(sub.template()));
        }
        if (node instanceof CfnImportValue importValue) {
            return new CfnImportValue(resolveText(importValue.exportName()));
        }
        if (node instanceof CfnGetAtt getAtt) {
            return new CfnGetAtt(resolveText(getAtt.logicalId()), resolveText(getAtt.attribute()));
        }
        if (node instanceof CfnOther other) {
            return new CfnOther(other.tag(), resolve(other.value()));
        }
        return node;
    }

    private Object resolveString(String text) {
        String whole = wholeVariable(text);
        if (whole != null) {
            return resolveVariable(whole);
        }
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int start = text.indexOf("${"); start >= 0; ) {
            int end = closingBrace(text, start);
            if (end < 0) {
                break; // an unclosed "${" is plain text, to osls as to us
            }
            String expression = text.substring(start + 2, end);
            if (isVariable(expression)) {
                out.append(text, copied, start).append(asText(resolveVariable(expression), expression, text));
                copied = end + 1;
            }
            start = text.indexOf("${", end + 1);
        }
        return copied == 0 ? text : out.append(text, copied, text.length()).toString();
    }

    private String resolveText(String text) {
        return asText(resolveString(text), text, text);
    }

    /** The value of one variable, with every variable in it resolved. */
    private Object resolveVariable(String expression) {
        return guarded(resolving, expression, () -> resolve(firstValue(expression)));
    }

    /** The raw value of one variable, expanded until it is no longer a variable: a step towards an address. */
    private Object expandVariable(String expression) {
        return guarded(expanding, expression, () -> expand(firstValue(expression)));
    }

    private Object guarded(Set<String> inProgress, String expression, Supplier<Object> work) {
        if (!inProgress.add(expression)) {
            throw unresolved(expression, "its value depends on itself");
        }
        try {
            return work.get();
        } finally {
            inProgress.remove(expression);
        }
    }

    /** The raw value of the first source, left to right, that has one. */
    private Object firstValue(String expression) {
        List<String> sources = fallbacks(expression);
        for (String source : sources) {
            Object value = sourceValue(source.strip(), expression);
            if (value != null) {
                return value;
            }
        }
        throw unresolved(expression, sources.size() == 1 ? "it has no value" : "none of its sources has a value");
    }

    private Object sourceValue(String source, String expression) {
        if (source.startsWith("'") || source.startsWith("\"")) {
            if (source.length() < 2 || source.charAt(source.length() - 1) != source.charAt(0)) {
                throw new InvalidServerlessDefinitionException(file, "unclosed string " + source + " in ${" + expression + "}");
            }
            return source.substring(1, source.length() - 1);
        }
        if (source.startsWith("${")) {
            return resolveString(source);
        }
        Optional<Object> scalar = VariableSyntax.scalar(source);
        if (scalar.isPresent()) {
            return scalar.get();
        }
        // Nested variables first: self:custom.keys.${self:custom.stage} becomes self:custom.keys.dev.
        Source parsed = VariableSyntax.source(resolveText(source)).orElseThrow(() ->
                new InvalidServerlessDefinitionException(file, "in ${" + expression + "}, '" + source
                        + "' is neither a variable source nor a quoted string or a number"));
        String type = parsed.type();
        String address = parsed.address();
        switch (type) {
            case "self":
                return navigate(root, address);
            case "opt":
                // The local runner takes no other command-line option: ${opt:region, ...} takes its fallback.
                return address.equals("stage") ? stage : null;
            case "env":
                return environment.get(address);
            case "file":
                return navigate(included(parsed.argument(), expression), address);
            default:
                throw unresolved(expression, "the local runner does not support the '" + type
                        + "' source (only self, opt, env and file)");
        }
    }

    /**
     * The raw node at a dotted address, or {@code null}. Only the nodes on the way are expanded, never whole
     * sections: resolving all of {@code custom} to read {@code custom.resourcesStage} would resolve
     * {@code custom.resourcesStage} again, a cycle that is not in the file.
     */
    private Object navigate(Object start, String address) {
        Object node = start;
        if (address.isEmpty()) {
            return node;
        }
        for (String key : address.split("\\.", -1)) {
            if (!(expand(node) instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    /** A node made navigable: a string that is one variable becomes that variable's raw value. */
    private Object expand(Object node) {
        if (!(node instanceof String text)) {
            return node;
        }
        String whole = wholeVariable(text);
        return whole == null ? resolveString(text) : expandVariable(whole);
    }

    private Object included(String relativePath, String expression) {
        if (relativePath == null || relativePath.isBlank()) {
            throw new InvalidServerlessDefinitionException(file, "${" + expression + "} names no file");
        }
        Path path = file.toAbsolutePath().getParent().resolve(relativePath.strip()).normalize();
        // A missing file has no value, as in osls: a fallback may apply.
        return includedFiles.computeIfAbsent(path, p -> Files.isRegularFile(p)
                ? Optional.ofNullable(CloudFormationYaml.read(p)) : Optional.empty()).orElse(null);
    }

    private String asText(Object value, String expression, String text) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new InvalidServerlessDefinitionException(file, "${" + expression + "} in '" + text
                + "' is not a string but " + value + ", which cannot be part of a string");
    }

    private UnresolvedVariableException unresolved(String expression, String reason) {
        return new UnresolvedVariableException(file, "${" + expression + "}", reason + " (stage " + stage + ")");
    }
}
