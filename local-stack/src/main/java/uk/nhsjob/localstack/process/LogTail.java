package uk.nhsjob.localstack.process;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The end of a log file, read without loading all of it. */
final class LogTail {

	private static final int MAX_BYTES = 64 * 1024;

	private LogTail() {
	}

	static String of(Path log, int lines) {
		try (SeekableByteChannel channel = Files.newByteChannel(log)) {
			long start = Math.max(0, channel.size() - MAX_BYTES);
			ByteBuffer buffer = ByteBuffer.allocate((int) (channel.size() - start));
			channel.position(start);
			while (buffer.hasRemaining() && channel.read(buffer) > 0) {
				// keep reading
			}
			String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
			List<String> all = Arrays.asList(text.split("\\R"));
			return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(cannot read " + log + ": " + ex.getMessage() + ")";
		}
	}

}
