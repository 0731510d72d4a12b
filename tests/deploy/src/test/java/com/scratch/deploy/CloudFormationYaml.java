package com.scratch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a CloudFormation template written in YAML into the JSON form CloudFormation itself turns it into: each short
 * tag becomes its long form ({@code !Ref X} is {@code {"Ref": "X"}}, {@code !Sub s} is {@code {"Fn::Sub": s}},
 * {@code !GetAtt A.B} is {@code {"Fn::GetAtt": ["A", "B"]}}).
 */
final class CloudFormationYaml {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudFormationYaml() {
    }

    static JsonNode read(String yaml) {
        Object template = new Yaml(new IntrinsicFunctions(new LoaderOptions())).load(yaml);
        return JSON.valueToTree(template);
    }

    /** Every tag that starts with "!": the intrinsic functions. */
    private static final class IntrinsicFunctions extends SafeConstructor {

        IntrinsicFunctions(LoaderOptions options) {
            super(options);
            yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String function = node.getTag().getValue().substring(1);
                    Object argument;
                    if (node instanceof ScalarNode scalar) {
                        argument = constructScalar(scalar);
                    } else if (node instanceof SequenceNode sequence) {
                        argument = constructSequence(sequence);
                    } else {
                        argument = constructMapping((MappingNode) node);
                    }
                    if (function.equals("Ref") || function.equals("Condition")) {
                        return Map.of(function, argument);
                    }
                    if (function.equals("GetAtt") && argument instanceof String dotted) {
                        return Map.of("Fn::GetAtt", List.copyOf(Arrays.asList(dotted.split("\\.", 2))));
                    }
                    return Map.of("Fn::" + function, argument);
                }
            });
        }
    }
}
