package com.scratch.emulators.serverless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryRootTest {

    @TempDir
    Path temp;

    @Test
    void findsTheNearestFolderUpThatHoldsTheSharedDefinition() throws Exception {
        // given
        Path root = Files.createDirectories(temp.resolve("checkout"));
        Files.writeString(root.resolve(RepositoryRoot.MARKER), "custom: {}\n");
        Path module = Files.createDirectories(root.resolve("services/billing-api/src"));

        // when / then
        assertThat(RepositoryRoot.findFrom(module)).isEqualTo(root.toAbsolutePath().normalize());
        assertThat(RepositoryRoot.findFrom(root)).isEqualTo(root.toAbsolutePath().normalize());
    }

    @Test
    void outsideARepositoryItSaysWhereItLooked() {
        assertThatThrownBy(() -> RepositoryRoot.findFrom(temp))
                .isInstanceOf(RepositoryRootNotFoundException.class)
                .hasMessageContaining(RepositoryRoot.MARKER)
                .hasMessageContaining(temp.toString());
    }

    @Test
    void theWorkingDirectoryOfTheseTestsIsInsideThisRepository() {
        assertThat(RepositoryRoot.find().resolve("local/emulators/pom.xml")).isRegularFile();
    }
}
