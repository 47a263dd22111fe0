package uk.nhsjob.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DataFolderLockTests {

	@TempDir
	Path data;

	@Test
	void letsOneLauncherAtATimeUseADataFolder() throws IOException {
		DataFolderLock first = DataFolderLock.acquire(this.data);
		assertThat(Files.readString(this.data.resolve("launcher.lock")).strip())
			.isEqualTo(String.valueOf(ProcessHandle.current().pid()));

		assertThatIllegalStateException().isThrownBy(() -> DataFolderLock.acquire(this.data))
			.withMessageContaining("Another local stack is running")
			.withMessageContaining("launcher pid " + ProcessHandle.current().pid());

		first.release();
		DataFolderLock.acquire(this.data).release();
	}

}
