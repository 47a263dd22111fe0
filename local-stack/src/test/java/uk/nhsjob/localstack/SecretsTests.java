package uk.nhsjob.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTests {

	@TempDir
	Path data;

	@Test
	void makesATokenOnceAndKeepsItForTheNextStart() throws IOException {
		Path file = this.data.resolve("admin-token");

		String first = Secrets.fromVariableOrKept(null, file);
		String second = Secrets.fromVariableOrKept("", file);

		assertThat(first).matches("[A-Za-z0-9_-]{43}");
		assertThat(second).isEqualTo(first);
		assertThat(Files.readString(file)).isEqualTo(first + "\n");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void takesTheVariableWhenItIsSetWithoutWritingIt() {
		Path file = this.data.resolve("admin-token");

		assertThat(Secrets.fromVariableOrKept(" from-the-environment ", file)).isEqualTo("from-the-environment");
		assertThat(file).doesNotExist();
	}

	@Test
	void makesADifferentTokenEachTime() {
		assertThat(Secrets.newToken()).isNotEqualTo(Secrets.newToken());
	}

}
