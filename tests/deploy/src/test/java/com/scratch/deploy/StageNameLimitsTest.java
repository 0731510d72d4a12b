package com.scratch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.config.InvalidStageException;
import com.scratch.config.Stage;
import com.scratch.emulators.serverless.RepositoryRoot;
import com.scratch.emulators.serverless.ServerlessPackageException;
import com.scratch.emulators.serverless.ServerlessPackager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one stage-name rule, held to AWS's limits: both services packaged by the real framework for a stage of
 * exactly {@link Stage#MAX_LENGTH} characters in the longest commercial region name, every name in the templates
 * within its AWS limit, and the tightest of them leaving exactly that length for the stage. The framework refuses
 * at packaging what {@link Stage} refuses at cold start.
 */
class StageNameLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The commercial regions (partition {@code aws}) as AWS lists them at the end of 2026; GovCloud and China are other
     * partitions and other accounts.
     */
    private static final List<String> COMMERCIAL_REGIONS = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2",
            "af-south-1", "ap-east-1", "ap-east-2", "ap-south-1", "ap-south-2", "ap-northeast-1", "ap-northeast-2",
            "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
            "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-west-1",
            "eu-west-2", "eu-west-3", "eu-south-1", "eu-south-2", "eu-north-1", "il-central-1", "me-south-1",
            "me-central-1", "mx-central-1", "sa-east-1");
    private static final String LONGEST_REGION = "ap-southeast-1";

    /**
     * AWS's limit on each name a stack sets, by resource type and property. A named property not listed here fails
     * the test, so that a new resource gets its limit checked too.
     */
    private static final Map<String, Integer> LIMITS = Map.ofEntries(
            Map.entry("AWS::IAM::Role RoleName", 64),
            Map.entry("AWS::Lambda::Function FunctionName", 64),
            Map.entry("AWS::Lambda::Alias Name", 128),
            Map.entry("AWS::Logs::LogGroup LogGroupName", 512),
            Map.entry("AWS::SNS::Topic TopicName", 256),
            Map.entry("AWS::SQS::Queue QueueName", 80),
            Map.entry("AWS::DynamoDB::Table TableName", 255),
            Map.entry("AWS::CloudWatch::Alarm AlarmName", 255),
            Map.entry("AWS::ApiGateway::Deployment StageName", 128),
            Map.entry("AWS::XRay::ResourcePolicy PolicyName", 128),
            // API Gateway documents no length limit on a REST API's name; 1024 is what its console accepts.
            Map.entry("AWS::ApiGateway::RestApi Name", 1024),
            // CloudFormation limits output names to 255 characters; export names are held to the same here.
            Map.entry("Export Name", 255),
            // CloudFormation's stack name, which the framework makes <service>-<stage>.
            Map.entry("Stack Name", 128));

    /** Name-like properties that are references to other resources, not names this stack gives. */
    private static final List<String> NOT_NAMES = List.of("AWS::Lambda::Version FunctionName",
            "AWS::Lambda::Alias FunctionName", "AWS::Lambda::Permission FunctionName",
            "AWS::Lambda::EventInvokeConfig FunctionName", "AWS::CloudWatch::Alarm MetricName",
            "AWS::Lambda::EventInvokeConfig Qualifier");

    @TempDir
    static Path work;

    @Test
    void theLongestRegionNameIsTheOneTheRuleAssumes() {
        int longest = COMMERCIAL_REGIONS.stream().mapToInt(String::length).max().orElseThrow();
        assertThat(LONGEST_REGION).hasSize(longest);
        assertThat(Stage.MAX_LENGTH).isEqualTo(Stage.ROLE_NAME_LIMIT - "billing-api-".length()
                - ("-" + LONGEST_REGION).length() - "-lambdaRole".length());
    }

    @Test
    void aStageOfTheMaximumLengthInTheLongestRegionKeepsEveryNameWithinItsLimit() throws IOException {
        String stage = "feature-" + "x".repeat(Stage.MAX_LENGTH - "feature-".length());
        assertThat(Stage.of(stage).name()).hasSize(Stage.MAX_LENGTH);

        List<NamedThing> names = new ArrayList<>();
        for (Service service : Service.values()) {
            service.builtShadedJar();
            JsonNode template = JSON.readTree(packager().template(service.directory(), stage, LONGEST_REGION).toFile());
            names.addAll(namesIn(template));
            names.add(new NamedThing(service + " stack", "Stack Name", service + "-" + stage));
        }

        assertThat(names).as("names checked").extracting(NamedThing::kind)
                .contains("AWS::IAM::Role RoleName", "AWS::Lambda::Function FunctionName", "AWS::SNS::Topic TopicName",
                        "AWS::SQS::Queue QueueName", "AWS::DynamoDB::Table TableName", "Export Name", "Stack Name");
        for (NamedThing name : names) {
            Integer limit = LIMITS.get(name.kind());
            if (limit == null) {
                fail(name.kind() + " (" + name.where() + " = " + name.value() + ") has no AWS limit in this test: add it");
            }
            assertThat(name.value().length()).as("%s %s = %s", name.where(), name.kind(), name.value())
                    .isLessThanOrEqualTo(limit);
        }
        NamedThing tightest = names.stream().filter(name -> name.value().contains(stage))
                .min(Comparator.comparingInt(name -> roomForStage(name, stage))).orElseThrow();
        assertThat(roomForStage(tightest, stage)).as("the longest stage the tightest name allows: %s", tightest)
                .isEqualTo(Stage.MAX_LENGTH);
        assertThat(tightest.kind()).isEqualTo("AWS::IAM::Role RoleName");
    }

    @Test
    void theFrameworkRefusesWhatTheCodeRefusesNamingTheRule() {
        String tooLong = "feature-" + "x".repeat(Stage.MAX_LENGTH - "feature-".length() + 1);
        Map<String, String> refused = Map.of(
                tooLong, "is 27 characters; at most 26 fit AWS's limits: IAM role names stop at 64 characters",
                "123-fix", "must start with a letter",
                // refused by the framework itself, before our rule runs
                "feature_login", "Stage names may contain only ASCII letters, numbers, and hyphens");

        refused.forEach((stage, why) -> {
            assertThatThrownBy(() -> Stage.of(stage)).as(stage).isInstanceOf(InvalidStageException.class)
                    .hasMessageContaining(why.startsWith("is") ? "at most 26" : "must start with a letter");
            assertThatThrownBy(() -> packager().template(Service.BILLING_API.directory(), stage))
                    .as("osls package --stage %s", stage).isInstanceOf(ServerlessPackageException.class)
                    .hasMessageContaining(why);
        });
    }

    /** A name the template gives, where it is, and which limit applies ("type property"). */
    private record NamedThing(String where, String kind, String value) {
    }

    /** How long a stage this name allows: its limit less what is not the stage. */
    private static int roomForStage(NamedThing name, String stage) {
        int occurrences = name.value().split(Pattern.quote(stage), -1).length - 1;
        int rest = name.value().length() - occurrences * stage.length();
        return (LIMITS.get(name.kind()) - rest) / occurrences;
    }

    /**
     * Every name the template gives (a resource's condition not evaluated: all are checked), as CloudFormation would
     * resolve it in the longest region.
     */
    private static List<NamedThing> namesIn(JsonNode template) {
        ResolvedTemplate created = new ResolvedTemplate(template, Map.of(), LONGEST_REGION);
        List<NamedThing> names = new ArrayList<>();
        for (Map.Entry<String, JsonNode> resource : template.path("Resources").properties()) {
            String type = resource.getValue().path("Type").asText();
            for (Map.Entry<String, JsonNode> property : resource.getValue().path("Properties").properties()) {
                String kind = type + " " + property.getKey();
                if (!property.getKey().endsWith("Name") || NOT_NAMES.contains(kind)) {
                    continue;
                }
                String value = created.resolve(property.getValue()).asText();
                // A reference to another resource ({Ref X}, {GetAtt X.Y}): that one's own name is checked where set.
                if (!value.contains("{Ref ") && !value.contains("{GetAtt ")) {
                    names.add(new NamedThing(resource.getKey(), kind, value));
                }
            }
        }
        for (Map.Entry<String, JsonNode> output : template.path("Outputs").properties()) {
            JsonNode export = output.getValue().path("Export").path("Name");
            if (!export.isMissingNode()) {
                names.add(new NamedThing(output.getKey(), "Export Name", created.resolve(export).asText()));
            }
        }
        return names;
    }

    private static ServerlessPackager packager() {
        try {
            return ServerlessPackager.fresh(RepositoryRoot.find(), Files.createDirectories(work.resolve("packages")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
