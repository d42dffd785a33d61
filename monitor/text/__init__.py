"""Text as every stage reads it, each idea written once: the scripts (`scripts`), normalising
(`normalize`), counting words (`words`), reading dates (`dates`) and excerpts for display
(`excerpt`). Nothing here reads HTML or imports a stage."""
