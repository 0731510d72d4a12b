package com.scratch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.scratch.emulators.serverless.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code deploy/bootstrap.yml} resolved for one account: the deploy role's trust and permissions, the OIDC provider. */
final class BootstrapTemplate {

    static final String ORG = "acme";
    static final String REPO = "scratch";

    private final ResolvedTemplate template;

    private BootstrapTemplate(ResolvedTemplate template) {
        this.template = template;
    }

    static Path file() {
        return RepositoryRoot.find().resolve("deploy").resolve("bootstrap.yml");
    }

    static String text() {
        try {
            return Files.readString(file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template for {@code accountKind} (development or production) of acme/scratch, plus other parameters. */
    static BootstrapTemplate forAccount(String accountKind, String... moreParameters) {
        Map<String, String> parameters = new HashMap<>(Map.of("AccountKind", accountKind, "GitHubOrg", ORG, "GitHubRepo", REPO));
        for (int i = 0; i < moreParameters.length; i += 2) {
            parameters.put(moreParameters[i], moreParameters[i + 1]);
        }
        return new BootstrapTemplate(new ResolvedTemplate(CloudFormationYaml.read(text()), parameters));
    }

    JsonNode role() {
        return template.resource("DeployRole").path("Properties");
    }

    /** The statements of the role's trust policy. */
    List<JsonNode> trustStatements() {
        List<JsonNode> statements = new ArrayList<>();
        role().path("AssumeRolePolicyDocument").path("Statement").forEach(statements::add);
        return statements;
    }

    /** The role's inline policies, as one policy. */
    IamPolicy permissions() {
        List<JsonNode> documents = new ArrayList<>();
        role().path("Policies").forEach(policy -> documents.add(policy.path("PolicyDocument")));
        return IamPolicy.of(documents);
    }

    /** The OIDC provider the template creates, or a missing node when it reuses one. */
    JsonNode oidcProvider() {
        return template.resource("GitHubOidcProvider");
    }

    JsonNode output(String name) {
        return template.output(name);
    }
}
