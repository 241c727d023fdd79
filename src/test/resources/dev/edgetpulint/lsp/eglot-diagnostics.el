;;; Emacs eglot in batch mode: start edgetpu-lint lsp, visit a description, wait for the diagnostics of
;;; the description (through flymake) and of a .tflite in the workspace (eglot 1.9 drops diagnostics of
;;; unvisited files after receiving them, so they are recorded on arrival), write them to OUT.
(require 'eglot)
(require 'flymake)
(setq eglot-sync-connect t
      eglot-autoshutdown nil
      eglot-events-buffer-size 0
      inhibit-message t)

(define-derived-mode tflite-description-mode prog-mode "TFLite-Description")
(add-to-list 'eglot-server-programs
             `(tflite-description-mode . (,(getenv "EDGETPU_LINT_BIN") "lsp")))

(defvar e2e-received nil "(URI . COUNT) for every publishDiagnostics received.")
(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri diagnostics &allow-other-keys)
  (push (cons uri (length diagnostics)) e2e-received))

(let* ((root (file-name-as-directory (getenv "E2E_ROOT")))
       (description (getenv "E2E_DESCRIPTION"))
       (binary-uri (concat "file://" (getenv "E2E_BINARY")))
       (out (getenv "E2E_OUT"))
       (default-directory root)
       (lines nil))
  (find-file description)
  (tflite-description-mode)
  (apply #'eglot (eglot--guess-contact))
  (flymake-mode 1)
  (let ((deadline (+ (float-time) 120)))
    (while (and (< (float-time) deadline)
                (not (and (flymake-diagnostics)
                          (cl-find-if (lambda (r) (and (equal (car r) binary-uri) (> (cdr r) 0))) e2e-received))))
      (flymake-start)
      (accept-process-output nil 0.2)))
  (dolist (d (flymake-diagnostics))
    (push (format "description\t%d\t%s\t%s"
                  (1- (line-number-at-pos (flymake-diagnostic-beg d)))
                  (flymake-diagnostic-type d)
                  (car (split-string (flymake-diagnostic-text d) "\n")))
          lines))
  (dolist (r e2e-received)
    (when (equal (car r) binary-uri)
      (push (format "binary\t%d" (cdr r)) lines)))
  (let ((server (eglot-current-server)))
    (when server (eglot-shutdown server)))
  (with-temp-file out
    (insert (mapconcat #'identity (nreverse lines) "\n") "\n")))
(kill-emacs 0)
