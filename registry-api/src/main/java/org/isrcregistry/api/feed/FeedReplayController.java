package org.isrcregistry.api.feed;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.isrcregistry.api.problem.ProblemType;
import org.isrcregistry.api.problem.Problems;
import org.isrcregistry.projections.feed.FeedReplay;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(FeedReplayController.PATH)
@Tag(name = "Kafka feed", description = "The agency's operations on the feed for downstream consumers")
public class FeedReplayController {

    static final String PATH = "/v1/admin/feed/replay";

    private final FeedReplay replay;

    FeedReplayController(FeedReplay replay) {
        this.replay = replay;
    }

    /** @param topic where to republish; the events topic when left out */
    public record ReplayRequest(String topic) {
    }

    @PostMapping
    @Operation(operationId = "startReplay",
            summary = "Republish every event from the first, to the events topic or a new one (agency)")
    public ResponseEntity<FeedReplay.Status> start(@RequestBody(required = false) ReplayRequest request) {
        FeedReplay.Status started = replay.start(request == null ? null : request.topic());
        return ResponseEntity.accepted().location(URI.create(PATH)).body(started);
    }

    @GetMapping
    @Operation(summary = "The progress of the last replay")
    public ResponseEntity<?> status() {
        FeedReplay.Status status = replay.status();
        return status != null ? ResponseEntity.ok(status) : problem(Problems.of(ProblemType.NOT_FOUND,
                "No replay has run since the registry started.", null, "POST to " + PATH + " to start one."));
    }

    @ExceptionHandler(FeedReplay.RefusedException.class)
    ResponseEntity<ProblemDetail> refused(FeedReplay.RefusedException refused) {
        return problem(refused.conflict()
                ? Problems.of(ProblemType.CONFLICT, refused.getMessage(), null,
                        "Wait until it is done: GET " + PATH + " shows its progress.")
                : Problems.of(ProblemType.INVALID_FIELD, refused.getMessage(), "topic",
                        "Leave \"topic\" out to republish to the events topic, or name a new topic."));
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
