package uk.nhsjob.matcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonValue;

/**
 * The MongoDB commands the service's HTTP request threads send, each as its name and
 * collection ({@code update addresses}), in order: what a request does before its answer
 * is sent. Background threads (the deciders, relays, readers) are left out. Registered on
 * the service's MongoDB client by {@link VacancyTopic}.
 */
public final class RequestThreadCommands implements CommandListener {

	private static final Set<String> LEFT_OUT = Set.of("hello", "isMaster", "ismaster", "ping", "buildInfo",
			"endSessions", "getMore", "killCursors");

	private final List<String> commands = new ArrayList<>();

	private volatile boolean recording;

	@Override
	public void commandStarted(CommandStartedEvent event) {
		if (!this.recording || !Thread.currentThread().getName().startsWith("http-nio-")
				|| LEFT_OUT.contains(event.getCommandName())) {
			return;
		}
		BsonValue collection = event.getCommand().get(event.getCommandName());
		String on = (collection != null && collection.isString()) ? collection.asString().getValue() : "";
		synchronized (this.commands) {
			this.commands.add(event.getCommandName() + " " + on);
		}
	}

	/** Records the commands of whatever requests run in {@code during}. */
	public List<String> during(Runnable during) {
		synchronized (this.commands) {
			this.commands.clear();
		}
		this.recording = true;
		try {
			during.run();
		}
		finally {
			this.recording = false;
		}
		synchronized (this.commands) {
			return List.copyOf(this.commands);
		}
	}

}
