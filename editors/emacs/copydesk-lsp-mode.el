;;; copydesk-lsp-mode.el --- copydesk's language server with lsp-mode  -*- lexical-binding: t; -*-

;; lsp-mode runs several servers in one buffer: copydesk is registered as an add-on, so it
;; runs next to a Markdown server (marksman, markdown-oxide) instead of replacing it.
;; `copydesk' must be on `exec-path'.  Start it with `M-x lsp' or the hook below.

(require 'lsp-mode)

(defun copydesk-lsp-mode-applies-p (file-name &optional _mode)
  "Whether copydesk checks the buffer of FILE-NAME: Markdown buffers and .txt files."
  (or (derived-mode-p 'markdown-mode)
      (and file-name (string-match-p "\\.\\(txt\\|text\\)\\'" file-name))))

(add-to-list 'lsp-language-id-configuration '(markdown-mode . "markdown"))
(add-to-list 'lsp-language-id-configuration '(gfm-mode . "markdown"))
(add-to-list 'lsp-language-id-configuration '("\\.\\(txt\\|text\\)\\'" . "plaintext"))

(lsp-register-client
 (make-lsp-client :new-connection (lsp-stdio-connection '("copydesk" "server"))
                  :activation-fn #'copydesk-lsp-mode-applies-p
                  :add-on? t
                  :server-id 'copydesk))

(defun copydesk-lsp-mode-maybe-start ()
  "Start lsp-mode in the buffers copydesk checks."
  (when (copydesk-lsp-mode-applies-p buffer-file-name)
    (lsp-deferred)))

(add-hook 'markdown-mode-hook #'copydesk-lsp-mode-maybe-start)
(add-hook 'text-mode-hook #'copydesk-lsp-mode-maybe-start)

(provide 'copydesk-lsp-mode)
;;; copydesk-lsp-mode.el ends here
