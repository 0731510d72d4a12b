package com.scratch.sandbox.definitions;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads a YAML file that may hold CloudFormation short-form tags into maps, lists, scalars and
 * {@link CfnIntrinsic} values. Plain SnakeYAML refuses {@code !Ref}: it does not know the tag.
 */
final class CloudFormationYaml {

    private CloudFormationYaml() {
    }

    /** The file's content: a map for a definition, or {@code null} when the file is empty. */
    static Object read(Path file) {
        LoaderOptions options = new LoaderOptions();
        // A Yaml instance is not thread-safe, and files are few: one per read.
        Yaml yaml = new Yaml(new IntrinsicConstructor(options), new Representer(new DumperOptions()),
                new DumperOptions(), options);
        try (Reader reader = Files.newBufferedReader(file)) {
            return yaml.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (YAMLException e) {
            throw new InvalidServerlessDefinitionException(file, "not valid YAML: " + e.getMessage());
        }
    }

    /** SafeConstructor (no arbitrary classes) plus the CloudFormation tags. */
    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), scalar(CfnRef::new));
            yamlConstructors.put(new Tag("!Sub"), scalar(CfnSub::new));
            yamlConstructors.put(new Tag("!ImportValue"), scalar(CfnImportValue::new));
            yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
            // The null key is SnakeYAML's fallback for tags it has no constructor for.
            yamlConstructors.put(null, new OtherTag());
        }

        private AbstractConstruct scalar(Function<String, CfnIntrinsic> intrinsic) {
            return new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    if (!(node instanceof ScalarNode scalar)) {
                        throw refused(node, "only its short scalar form is supported here");
                    }
                    return intrinsic.apply(constructScalar(scalar));
                }
            };
        }

        private final class GetAtt extends AbstractConstruct {

            @Override
            public Object construct(Node node) {
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    int dot = text.indexOf('.');
                    if (dot > 0) {
                        // Attributes may contain dots themselves (Endpoint.Address): split at the first.
                        return new CfnGetAtt(text.substring(0, dot), text.substring(dot + 1));
                    }
                } else if (node instanceof SequenceNode sequence) {
                    List<?> parts = constructSequence(sequence);
                    if (parts.size() == 2 && parts.get(0) instanceof String id && parts.get(1) instanceof String attribute) {
                        return new CfnGetAtt(id, attribute);
                    }
                }
                throw refused(node, "expected <logicalId>.<attribute> or [<logicalId>, <attribute>]");
            }
        }

        private final class OtherTag extends AbstractConstruct {

            @Override
            public Object construct(Node node) {
                String tag = node.getTag().getValue();
                if (!tag.startsWith("!")) {
                    throw refused(node, "unknown tag");
                }
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return new CfnOther(tag, value);
            }
        }

        private static YAMLException refused(Node node, String problem) {
            return new YAMLException(node.getTag().getValue() + " on line " + (node.getStartMark().getLine() + 1)
                    + ": " + problem);
        }
    }
}
