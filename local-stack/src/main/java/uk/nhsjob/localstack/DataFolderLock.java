package uk.nhsjob.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.jspecify.annotations.Nullable;

/**
 * One launcher per data folder: an exclusive lock on {@code <data>/launcher.lock}, held
 * for the launcher's life and released by the operating system however it ends. Holding
 * it also means that any process marked with this data folder is a left-over of an
 * earlier launcher, not another launcher's child.
 */
final class DataFolderLock {

	private final FileChannel channel;

	private final FileLock lock;

	private DataFolderLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * @throws IllegalStateException when another launcher holds it
	 */
	static DataFolderLock acquire(Path data) {
		Path file = data.resolve("launcher.lock");
		try {
			Files.createDirectories(data);
			FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE);
			FileLock lock = tryLock(channel);
			if (lock == null) {
				String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
				channel.close();
				throw new IllegalStateException("Another local stack is running with the data folder " + data
						+ (holder.isEmpty() ? "" : " (launcher pid " + holder + ")") + ": stop it first (Ctrl-C)");
			}
			channel.truncate(0);
			channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
			return new DataFolderLock(channel, lock);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot lock " + file, ex);
		}
	}

	private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			// held by this JVM already
			return null;
		}
	}

	void release() {
		try {
			this.lock.release();
			this.channel.close();
		}
		catch (IOException ex) {
			// the operating system releases it when the launcher ends
		}
	}

}
