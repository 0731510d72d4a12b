package com.scratch.sandbox.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudFormationYamlTest {

    @TempDir
    Path folder;

    @Test
    void readsTheShortFormTagsIntoValues() throws IOException {
        // given
        Path file = Files.writeString(folder.resolve("template.yml"), String.join("\n",
                "ref: !Ref NotePurchasedTopic",
                "sub: !Sub 'arn:aws:ssm:${AWS::Region}:parameter/x'",
                "import: !ImportValue local-ExtNotePurchasedTopicArn",
                "getAtt: !GetAtt Queue.Endpoint.Address",
                "getAttList: !GetAtt [Queue, Arn]",
                "join: !Join ['-', [a, b]]",
                ""));

        // when
        Object content = CloudFormationYaml.read(file);

        // then
        assertThat(content).isEqualTo(Map.of(
                "ref", new CfnRef("NotePurchasedTopic"),
                "sub", new CfnSub("arn:aws:ssm:${AWS::Region}:parameter/x"),
                "import", new CfnImportValue("local-ExtNotePurchasedTopicArn"),
                "getAtt", new CfnGetAtt("Queue", "Endpoint.Address"),
                "getAttList", new CfnGetAtt("Queue", "Arn"),
                "join", new CfnOther("!Join", List.of("-", List.of("a", "b")))));
    }

    @Test
    void refusesTheLongListFormOfRef() throws IOException {
        // given
        Path file = Files.writeString(folder.resolve("template.yml"), "ref: !Ref [a, b]\n");

        // when / then
        assertThatThrownBy(() -> CloudFormationYaml.read(file))
                .isInstanceOf(InvalidServerlessDefinitionException.class)
                .hasMessageContaining("template.yml")
                .hasMessageContaining("!Ref");
    }
}
